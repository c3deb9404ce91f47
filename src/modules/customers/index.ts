export { complaintCountOf, complaintTotals, customerSummaryOf } from './complaint-totals.js';
export { createCustomer } from './create-customer.js';
export { addContacts, type Complainant, findCustomerByContact, linkCustomer } from './link-customer.js';
export { CUSTOMER_PERMISSIONS, mayCustomers, requireCustomerPermission } from './permissions.js';
export {
  CUSTOMER_STREAM,
  getCustomer,
  getCustomerTimeline,
  listCustomerComplaints,
  listCustomers,
} from './queries.js';
export { updateCustomer } from './update-customer.js';
