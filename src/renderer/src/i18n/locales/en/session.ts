/** session strings (en): the lock screen and who is signed in. Keys are shared with the other language's file. */
const session = {
  register: 'Register {{code}}',
  signIn: 'Sign in',
  intro: 'Enter your PIN to use the register.',
  pin: 'PIN',
  enter: 'Enter',
  pinPad: 'PIN pad',
  backspace: 'Backspace',
  pinLength: 'A PIN is {{min}} to {{max}} digits.',
  wrongPin: 'Wrong PIN. Try again.',
  signInFailed: 'Could not sign in. Try again.',
  lock: 'Lock',
  checkFailed: 'Could not check who is signed in: {{error}}',
  starting: 'Starting the register…',
  roles: {
    cashier: 'Cashier',
    manager: 'Manager',
    admin: 'Admin',
  },
} satisfies Record<string, unknown>

export default session
