// jsonexport ships no types; only the call the list export makes.
declare module 'jsonexport/dist' {
    function jsonExport(data: unknown, callback: (err: Error | null, csv: string) => void): void;
    export default jsonExport;
}
