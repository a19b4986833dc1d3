package contactgroup

// ListHistory is CheckHistory's full listing, which its one pass must answer as.
var ListHistory = listHistory
