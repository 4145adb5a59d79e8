import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Colours chosen for WCAG 2.1 AA: white on primary #1d4f7c is about 8.6:1, and the
// secondary/error/success tones all stay above 4.5:1 against white text or backgrounds.
export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: {
        mode: 'light',
        primary: { main: '#1d4f7c', dark: '#133554', light: '#3c6e9c', contrastText: '#ffffff' },
        secondary: { main: '#6b2e6f', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        warning: { main: '#8a4b00' },
        success: { main: '#1e6b34' },
        info: { main: '#155a8a' },
        text: { primary: 'rgba(0, 0, 0, 0.87)', secondary: 'rgba(0, 0, 0, 0.68)' },
        background: { default: '#f5f6f8', paper: '#ffffff' },
    },
    components: {
        ...defaultTheme.components,
        // A clearly visible keyboard focus ring on every focusable MUI element.
        MuiButtonBase: {
            styleOverrides: {
                root: {
                    '&.Mui-focusVisible': { outline: '3px solid #f0a30a', outlineOffset: '2px' },
                },
            },
        },
        // Swedish is written in sentence case: buttons and tabs say "Skapa sammanträde", not "SKAPA SAMMANTRÄDE".
        MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
        MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
        // Help under a read-only field still has to be read (a published rule set's basis): full contrast.
        MuiFormHelperText: {
            styleOverrides: { root: { '&.Mui-disabled': { color: 'rgba(0, 0, 0, 0.68)' } } },
        },
    },
};
