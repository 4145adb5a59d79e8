import { useEffect } from 'react';
import { useTranslate } from 'react-admin';

/** Sets `<title>` to "<page> – Mötesplats" so tabs and screen readers name the page. */
export const useDocumentTitle = (page: string | undefined) => {
    const translate = useTranslate();
    const app = translate('app.title');
    useEffect(() => {
        document.title = page ? `${page} – ${translate('app.name')}` : app;
    }, [page, app, translate]);
};
