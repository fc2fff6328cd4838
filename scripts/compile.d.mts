export function compile(): Promise<void>;
export function newest(dir: string): number;
