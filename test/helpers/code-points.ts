// Code points spelled out: an invisible character in a test table is as easy to miss as in a request.
export const ZWSP = '\u200b';
export const ZWNJ = '\u200c';
export const ZWJ = '\u200d';
export const SOFT_HYPHEN = '\u00ad';
export const BOM = '\ufeff';
export const RLO = '\u202e';
export const CYRILLIC_A = '\u0430';
