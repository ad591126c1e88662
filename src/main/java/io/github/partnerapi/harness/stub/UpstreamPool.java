package io.github.partnerapi.harness.stub;

import java.nio.channels.ClosedChannelException;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The proxy's kept-alive connections to its upstream: an exchange goes on an idle connection (the most
 * recently used), else on a new one up to the limit, else waits in a bounded queue for the next connection
 * that comes free. Counts connections from the moment one is asked for until it closes. Thread-safe,
 * without locks: every hand-over publishes, then checks the other side, so no exchange waits while a
 * connection idles.
 */
final class UpstreamPool {

    private final String origin;
    private final int maxConnections;
    private final int maxQueued;
    /** Opens a connection (already counted) whose first exchange is the one given. */
    private final Consumer<UpstreamExchange> opener;
    private final Deque<UpstreamConnection> idle = new ConcurrentLinkedDeque<>();
    private final Queue<UpstreamExchange> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    UpstreamPool(String origin, int maxConnections, Consumer<UpstreamExchange> opener) {
        this.origin = origin;
        this.maxConnections = maxConnections;
        this.maxQueued = 4 * maxConnections;
        this.opener = opener;
    }

    /** Sends on a free connection, else on a new one, else queues. */
    void dispatch(UpstreamExchange exchange) throws Upstream.Failure {
        UpstreamConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (connection.isOpen()) {
                connection.send(exchange);
                return;
            }
        }
        if (reserve()) {
            opener.accept(exchange);
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            throw new Upstream.Failure("too many requests are waiting for the upstream " + origin + " (" + maxQueued
                    + " already wait for one of its " + maxConnections + " connections)");
        }
        waiting.add(exchange);
        drain(); // a connection may have come free meanwhile
    }

    private boolean reserve() {
        int now;
        do {
            now = open.get();
            if (now >= maxConnections) {
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    /**
     * Sends {@code exchange} again after {@code failure} of a kept-alive connection, else ends it with that. A
     * retry may meet another connection the upstream has just closed: each failed one is closed, so retries
     * stay below the pool's size, and a new connection is never retried.
     */
    void retry(UpstreamExchange exchange, Throwable failure) {
        // each retry follows the close of a different kept-alive connection: the pool's size bounds them
        if (!exchange.retry(maxConnections)) {
            exchange.fail(failure);
            return;
        }
        try {
            dispatch(exchange);
        } catch (Upstream.Failure full) {
            exchange.fail(failure);
        }
    }

    /** An exchange is over and {@code connection} may carry the next: a waiting one, else it waits in the pool. */
    void release(UpstreamConnection connection) {
        if (!connection.isOpen()) {
            return;
        }
        UpstreamExchange next = next();
        if (next != null) {
            connection.send(next);
            return;
        }
        idle.addFirst(connection); // most recently used first: its buffers are the warmest
        drain();
    }

    /** Connections kept alive and waiting for a request. */
    int idleConnections() {
        return idle.size();
    }

    void closed(UpstreamConnection connection) {
        idle.remove(connection);
        open.decrementAndGet();
        drain();
    }

    /**
     * Gives waiting exchanges the connections that are free, or new ones up to the limit. A place taken and
     * given back is checked again: an exchange queued meanwhile may have found none because this drain held it.
     */
    private void drain() {
        while (!waiting.isEmpty()) {
            UpstreamConnection connection = idle.pollFirst();
            if (connection != null && !connection.isOpen()) {
                continue;
            }
            if (connection == null && !reserve()) {
                return;
            }
            UpstreamExchange next = next();
            if (next == null) {
                if (connection != null) {
                    idle.addFirst(connection);
                } else {
                    open.decrementAndGet();
                }
                continue;
            }
            if (connection != null) {
                connection.send(next);
            } else {
                opener.accept(next);
            }
        }
    }

    private UpstreamExchange next() {
        UpstreamExchange next = waiting.poll();
        if (next != null) {
            queued.decrementAndGet();
        }
        return next;
    }

    /** A connection asked for could not be opened: {@code first} ends with why, and its place is free. */
    void notOpened(UpstreamExchange first, Throwable failure) {
        open.decrementAndGet();
        first.fail(failure);
        drain();
    }

    /** Ends every exchange still waiting: the proxy is closing. */
    void close() {
        UpstreamExchange left;
        while ((left = next()) != null) {
            left.fail(new ClosedChannelException());
        }
    }
}
