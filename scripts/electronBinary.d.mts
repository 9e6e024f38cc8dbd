export declare function findElectronBinary(): { path: string } | { missing: string }
