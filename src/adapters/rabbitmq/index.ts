// Public entry of `@ocelot-platform/tools-core/rabbitmq`. Importing it never loads `amqplib`: the bus
// imports it when it first connects, or uses the `connect` you pass.
export { createRabbitMqBus, type RabbitMqBus } from './create-rabbitmq-bus';
export type { RabbitMqBusOptions, RabbitMqBusLogEntry } from './rabbitmq-bus-options';
export type { AmqpConnect, AmqpConnection, AmqpChannel, AmqpMessage } from './amqp-client-like';
export { DELAY_BUCKETS_MS } from './rabbitmq-queue-declarations';
