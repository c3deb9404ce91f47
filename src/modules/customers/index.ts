export { addContacts, type Complainant, findCustomerByContact, linkCustomer } from './link-customer.js';
