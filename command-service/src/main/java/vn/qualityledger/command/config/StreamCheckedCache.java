package vn.qualityledger.command.config;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregate cache, used only while it is current: before a cached aggregate is handed out, the stored stream's
 * last sequence number is read (one indexed lookup, through Axon's {@link EventStore} API, so in both event-store
 * modes) and compared with the copy's. Another replica may have appended since; a stale copy would then refuse a
 * command the stored stream accepts (an occurrence it does not know yet), or a deadline would find nothing to do and be
 * spent. A stale entry is dropped and the aggregate loaded from the store, as without a cache. What the check saves is
 * the snapshot and the events after it, read and deserialized on every command.
 */
final class StreamCheckedCache implements Cache {

    /** Axon keeps the copy's version private; pinned at 4.13.0, the field is checked when the service starts. */
    private static final Field VERSION = versionField();

    private final Cache cached;
    private final Supplier<EventStore> eventStore;

    StreamCheckedCache(Cache cached, Supplier<EventStore> eventStore) {
        this.cached = cached;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = cached.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && key instanceof String streamId
                && !Objects.equals(versionOf(entry), eventStore.get().lastSequenceNumberFor(streamId).orElse(null))) {
            cached.remove(key);
            return null;
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        cached.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cached.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return cached.remove(key);
    }

    @Override
    public void removeAll() {
        cached.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cached.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return cached.registerCacheEntryListener(listener);
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read a cached aggregate's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            if (version.getType() != Long.class) {
                throw new IllegalStateException("AggregateCacheEntry.version is no Long in this Axon version");
            }
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("AggregateCacheEntry has no version field in this Axon version: the cache cannot be checked", e);
        }
    }
}
