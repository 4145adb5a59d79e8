import { useEffect, useState } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * react-admin renders each page's title into the app bar through a portal
 * (#react-admin-title) and has no hook for the document title, so the app bar text is
 * mirrored into `<title>` whenever it changes.
 */
export const DocumentTitleSync = () => {
    const [page, setPage] = useState<string>();
    useEffect(() => {
        let observer: MutationObserver | undefined;
        let frame = 0;
        const attach = () => {
            const target = document.getElementById('react-admin-title');
            if (!target) {
                frame = requestAnimationFrame(attach);
                return;
            }
            const read = () => setPage(target.textContent?.trim() || undefined);
            read();
            observer = new MutationObserver(read);
            observer.observe(target, { childList: true, subtree: true, characterData: true });
        };
        attach();
        return () => {
            cancelAnimationFrame(frame);
            observer?.disconnect();
        };
    }, []);
    useDocumentTitle(page);
    return null;
};
