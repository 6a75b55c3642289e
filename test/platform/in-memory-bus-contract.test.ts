import { describe, it } from 'vitest';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { runEventBusContract } from '../../src/testing';

runEventBusContract({ describe, it, name: 'memory', createBus: () => createInMemoryEventBus() });
