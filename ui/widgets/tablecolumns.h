#pragma once

class QTableView;

namespace TableColumns {

// Sizes every shown column but the last (which stretches) to what its header and the
// rows shown need, at least 60 px and at most a third of the view (200 px at least), so
// that an e-mail address or a building's name is read whole without one column taking
// the table; measured on the first rows (about a screenful). A table not shown yet is
// fitted when it is first shown. GUI thread only.
void fitToContents(QTableView *view);

} // namespace TableColumns
