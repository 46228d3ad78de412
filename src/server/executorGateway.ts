import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import type { OperationExecutor } from '../api';

/**
 * Hands Apollo our executor (src/api/compiledExecutor.ts). Apollo Server 5 has no executor option: its gateway
 * interface is its one hook for replacing execution (@apollo/gateway plugs in there). Everything before
 * execution stays Apollo's: parsing, validation, the document cache, plugins, error formatting.
 */
export function executorGateway(schema: GraphQLSchema, executor: OperationExecutor): GatewayInterface {
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const callback of listeners) callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: (rc) =>
          executor({
            document: rc.document,
            operationName: rc.operationName,
            variableValues: rc.request.variables,
            contextValue: rc.context,
          }),
      };
    },
    async stop() {
      listeners.clear();
    },
  };
}
