export { addMessage, insertMessage, type MessageSource, messagesOpen } from './add-message.js';
