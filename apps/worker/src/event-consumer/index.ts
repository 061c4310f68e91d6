export { startEventConsumer, type EventConsumer, type EventConsumerOptions } from './event-consumer.js';
export { startProctorTimers, type ProctorTimersOptions } from './proctor-timers.js';
