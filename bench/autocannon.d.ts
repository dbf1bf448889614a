/** The part of autocannon's API the scale bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Result {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    timeout?: number;
    requests?: Array<{ method: string; path: string }>;
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
