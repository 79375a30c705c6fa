/** Prefix of the one stdout line that carries a child runtime's JSON report. */
export const REPORT_MARKER = 'AUTHLITE_MATRIX_REPORT ';
