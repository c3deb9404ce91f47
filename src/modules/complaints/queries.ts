export { getComplaint, getTimeline } from './detail-queries.js';
export { listComplaints, type ScannedComplaint, scanComplaints, visibleTo } from './list-complaints.js';
