package io.parley.access;

import io.parley.access.SessionTurns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.interceptor.InvocationContext;

import org.junit.jupiter.api.Test;

/**
 * The resolvers of one request never use its database session at the same time, however
 * many threads SmallRye dispatches them on (the race closed statements under load).
 */
class SessionTurnsTest {

    @Test
    void resolversOfOneRequestTakeTurns() throws Exception {
        SessionTurns turns = new SessionTurns();
        turns.turn = new SessionTurns.Turn();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService loaders = Executors.newFixedThreadPool(8);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(loaders.submit(() -> {
                start.await();
                return turns.inTurn(new Resolver(() -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    inside.decrementAndGet();
                    return "loaded";
                }));
            }));
        }
        start.countDown();
        for (Future<Object> call : calls) {
            assertEquals("loaded", call.get(10, TimeUnit.SECONDS));
        }
        loaders.shutdown();
        assertEquals(1, mostAtOnce.get(), "one resolver at a time on the request's session");
    }

    /** A resolver invocation as the interceptor sees it. */
    private record Resolver(java.util.concurrent.Callable<Object> body) implements InvocationContext {
        @Override
        public Object proceed() throws Exception {
            return body.call();
        }

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return null;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }
    }
}
