package org.civitas;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A civitas handle owned by a Java object: freed exactly once, by {@link #close()} or, when the
 * owner is forgotten unclosed, by a {@link Cleaner}. Any number of threads may use it at once (the
 * C handles are read-only); close waits for the calls under way, and a call after close throws
 * {@link IllegalStateException} instead of reaching freed memory.
 */
final class NativeHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    private final String kind;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Cleaner.Cleanable free;
    private Pointer pointer; // guarded by lock; null once closed

    NativeHandle(String kind, Pointer address, Consumer<Pointer> freeFunction) {
        this.kind = kind;
        this.pointer = address;
        // The action holds the address and the free function, never this: else it could not be collected.
        this.free = CLEANER.register(this, () -> freeFunction.accept(address));
    }

    /** Runs a call with the handle's pointer, which stays valid until the call returns. */
    <T> T use(Function<Pointer, T> call) {
        lock.readLock().lock();
        try {
            if (pointer == null) {
                throw new IllegalStateException("this " + kind + " is closed; it cannot be used again");
            }
            return call.apply(pointer);
        } finally {
            lock.readLock().unlock();
            Reference.reachabilityFence(this); // not cleaned while its pointer is in use
        }
    }

    /** Frees the handle; later calls do nothing. */
    void close() {
        lock.writeLock().lock();
        try {
            if (pointer != null) {
                pointer = null;
                free.clean();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
