import { describe, it } from 'vitest';
import { createInMemoryBus } from '../../src/platform/create-in-memory-bus';
import { runEventBusContract } from '../../src/testing';

runEventBusContract({ describe, it, name: 'memory', createBus: () => createInMemoryBus() });
