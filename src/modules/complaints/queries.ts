export { getComplaint, getTimeline, visibleComplaintId } from './detail-queries.js';
export { listComplaints, visibleTo } from './list-complaints.js';
export { type ScannedComplaint, scanComplaints } from './scan-complaints.js';
