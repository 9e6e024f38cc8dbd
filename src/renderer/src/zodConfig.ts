import { z } from 'zod'

// The strict CSP forbids eval; without this zod probes `new Function` and the page logs violations.
z.config({ jitless: true })
