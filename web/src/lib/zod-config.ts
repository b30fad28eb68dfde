import { z } from 'zod';

// The server sends a strict CSP without 'unsafe-eval'. zod otherwise probes `new Function`
// to compile fast parsers, which such a CSP reports as a violation even though zod recovers.
z.config({ jitless: true });
