import type { FastifyInstance } from 'fastify'
import type { WebSocket } from 'ws'
import type { ServerSocketMessage } from '../../shared/sync'
import { authenticate, requireDevice } from '../auth/principal'
import type { Principal } from '../auth/principal'
import {
  insertSocketConnection,
  markSocketDisconnected,
  readHeadSeq,
} from '../db/realtimeRepository'
import type { RouteContext } from '../routes/context'

interface Member {
  socket: WebSocket
  deviceId: string
}

/**
 * /api/sync/ws: a room per store. After a commit the bus delivers `{type:'poke', headSeq}` to the
 * room, `headSeq` being the store's head after that commit, at once (no batching: a register
 * already at that head ignores it, one behind pulls straight away); a socket that misses a pong
 * for `pongTimeoutMs` after a ping is dropped.
 */
export function registerSocketRoute(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, bus } = context
  const rooms = new Map<string, Set<Member>>()

  const unsubscribe = bus.subscribe((message) => {
    switch (message.type) {
      case 'poke': {
        const payload = JSON.stringify({
          type: 'poke',
          headSeq: message.headSeq,
        } satisfies ServerSocketMessage)
        for (const member of rooms.get(message.storeId) ?? []) member.socket.send(payload)
        break
      }
      case 'revoke':
        for (const room of rooms.values()) {
          for (const member of room)
            if (member.deviceId === message.deviceId) member.socket.close(4401, 'device revoked')
        }
        break
    }
  })
  app.addHook('onClose', async () => unsubscribe())

  app.get(
    '/api/sync/ws',
    {
      websocket: true,
      preValidation: async (request) => {
        const principal = requireDevice(await authenticate(db, signer, request, true))
        ;(request as typeof request & { principal?: Principal }).principal = principal
      },
    },
    (socket, request) => {
      const principal = (request as typeof request & { principal?: Principal }).principal
      if (!principal || principal.kind !== 'device') {
        socket.close(4401, 'unauthorized')
        return
      }
      const member: Member = { socket, deviceId: principal.deviceId }
      const room = rooms.get(principal.storeId) ?? new Set<Member>()
      rooms.set(principal.storeId, room)
      room.add(member)

      let pongTimer: NodeJS.Timeout | null = null
      const pingTimer = setInterval(() => {
        if (pongTimer) return
        pongTimer = setTimeout(() => socket.terminate(), config.websocket.pongTimeoutMs)
        socket.ping()
      }, config.websocket.pingIntervalMs)
      socket.on('pong', () => {
        if (pongTimer) clearTimeout(pongTimer)
        pongTimer = null
      })
      // Clients only listen; anything they send is ignored rather than parsed.
      socket.on('message', () => undefined)

      const connection = insertSocketConnection(db, {
        storeId: principal.storeId,
        deviceId: principal.deviceId,
        instanceId: config.instanceId,
      }).catch((error: unknown) => {
        request.log.warn({ err: error }, 'connection record not written')
        return null
      })

      socket.on('close', () => {
        clearInterval(pingTimer)
        if (pongTimer) clearTimeout(pongTimer)
        room.delete(member)
        if (room.size === 0) rooms.delete(principal.storeId)
        void connection.then((id) =>
          id ? markSocketDisconnected(db, id).catch(() => undefined) : undefined,
        )
      })

      void readHeadSeq(db, principal.storeId)
        .then((headSeq) => {
          const hello: ServerSocketMessage = { type: 'hello', storeId: principal.storeId, headSeq }
          socket.send(JSON.stringify(hello))
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'hello not sent'))
    },
  )
}
