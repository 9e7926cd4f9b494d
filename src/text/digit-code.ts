/** Whether the code unit is an ASCII digit, 0-9 (what /\d/ matches without the u flag), read by code on hot loops. */
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
