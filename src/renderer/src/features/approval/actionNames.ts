import type { ProtectedAction } from '../../../../shared/store/options'
import { i18n } from '../../i18n'

/** The protected action in words a manager reads before typing a PIN. */
export function actionName(action: ProtectedAction): string {
  return i18n.t(`approval:actions.${action}`)
}
