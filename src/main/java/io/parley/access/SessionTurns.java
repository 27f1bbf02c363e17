package io.parley.access;

import io.parley.common.GraphQLBoundary;

import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The resolvers of one request take turns with its database session. SmallRye runs sibling
 * batch loaders (a talk's participants, outcomes and citations) on worker threads at the same
 * time, but a request has one Hibernate session on one connection, and a session is not
 * thread-safe: under load one query's clean-up closed another's statement ("This statement has
 * been closed", seen in the benchmark). Requests still run in parallel with each other. Runs
 * inside the request context that {@code @ActivateRequestContext} opens.
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class SessionTurns {

    @Inject
    Turn turn;

    @AroundInvoke
    Object inTurn(InvocationContext context) throws Exception {
        ReentrantLock lock = turn.lock();
        lock.lock();
        try {
            return context.proceed();
        } finally {
            lock.unlock();
        }
    }

    /** One per request (reached through its client proxy, hence a method, not a field). */
    @RequestScoped
    static class Turn {
        private final ReentrantLock lock = new ReentrantLock();

        ReentrantLock lock() {
            return lock;
        }
    }
}
