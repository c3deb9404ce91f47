/** The customer's name as a list shows it: the family name, the rest hidden (王**). */
export const maskedName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
};
