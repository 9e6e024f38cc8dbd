import type { EventChannel, InvokeChannel } from './contract'

/**
 * Who may call a channel, checked by the registry before the handler runs:
 * - `public`: the lock screen needs it (who and where this register is, its language, signing in);
 * - `signedIn`: anyone signed in (the handler may still ask for a role or a manager's approval);
 * - `manager`: a signed-in manager or admin, for channels whose handler does not check a role.
 */
export type ChannelAccess = 'public' | 'signedIn' | 'manager'

/**
 * The exceptions to `signedIn`. A channel not listed here needs someone signed in, so a new channel
 * is closed to the lock screen until someone decides otherwise.
 */
const accessExceptions: Partial<Record<InvokeChannel, ChannelAccess>> = {
  // The start-up and lock screens: store name, register code, currency and language.
  'app:getInfo': 'public',
  'register:getConfig': 'public',
  'session:get': 'public',
  'session:signIn': 'public',
  // Locking an already locked register is harmless, and a lock must never fail.
  'session:signOut': 'public',
  // A kitchen station's bump needs no sign-in; the handler asks for one on other registers.
  'print:markDone': 'public',
  // The customer display shows the cart whoever is signed in, and reads nothing else.
  'display:getState': 'public',
  // As print:markDone: the kitchen bumps without a PIN; the handler asks on other registers.
  'kitchen:bump': 'public',
  'kitchen:recall': 'public',
  // The catalog editor's export: the whole catalog, costs and all, leaves the register.
  'catalog:exportCsv': 'manager',
  // SMTP server, login and sender: a manager's settings (saving asks for approval as well).
  'mail:saveSettings': 'manager',
}

export function channelAccess(channel: InvokeChannel): ChannelAccess {
  return accessExceptions[channel] ?? 'signedIn'
}

/**
 * All a customer display may call, and all it is told (the web host's display feed, the desktop
 * app's second window): it shows the cart and reaches no cashier channel.
 */
export const customerDisplayChannels: readonly InvokeChannel[] = ['display:getState']
export const customerDisplayEvents: readonly EventChannel[] = ['display:stateChanged']
