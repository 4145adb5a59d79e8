/** Where the accessibility statement lives: outside the sign-in, so anyone can read it. */
export const ACCESSIBILITY_STATEMENT_PATH = '/tillganglighet';
