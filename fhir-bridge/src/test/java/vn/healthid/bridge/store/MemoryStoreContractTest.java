package vn.healthid.bridge.store;

import java.time.Clock;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEventStream;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.store.memory.MemoryTtlCache;

class MemoryStoreContractTest extends StoreContract {

    private final Clock clock = Clock.systemUTC();
    private final DocumentStore documents = new MemoryDocumentStore(clock);
    private final SingleUseStore singleUse = new MemorySingleUseStore(clock);
    private final TtlCache cache = new MemoryTtlCache(clock);
    private final EventStream streams = new MemoryEventStream(clock);

    @Override
    protected DocumentStore documents() {
        return documents;
    }

    @Override
    protected SingleUseStore singleUse() {
        return singleUse;
    }

    @Override
    protected TtlCache cache() {
        return cache;
    }

    @Override
    protected EventStream streams() {
        return streams;
    }
}
