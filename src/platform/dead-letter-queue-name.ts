/**
 * The dead-letter queue of `queue`: where `delivery.deadLetter()` (and, on RabbitMQ, the delivery limit)
 * moves poison messages. Subscribe to it with `topics: []` to inspect or replay them.
 *
 * @example
 * deadLetterQueueName('tools-core.sms.send_request'); // 'tools-core.sms.send_request.dead-letter'
 */
export function deadLetterQueueName(queue: string): string {
  return `${queue}.dead-letter`;
}
