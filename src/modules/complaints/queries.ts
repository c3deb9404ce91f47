export { getComplaint, getTimeline, visibleComplaintId } from './detail-queries.js';
export { listComplaints, type ScannedComplaint, scanComplaints, visibleTo } from './list-complaints.js';
