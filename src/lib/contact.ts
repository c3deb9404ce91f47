/** Mainland mobile, landline with area code (optionally +86), or an international number. */
export const PHONE_PATTERN = '^(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$|^\\+[1-9]\\d{6,14}$';
