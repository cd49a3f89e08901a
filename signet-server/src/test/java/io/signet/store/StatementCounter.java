package io.signet.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test aid: a {@link Jdbc} on its own connection to a test database that counts the statements it runs, to
 * prove how many queries an operation needs (without timing anything).
 */
public final class StatementCounter implements AutoCloseable {
    private final Connection connection;
    private final AtomicInteger statements = new AtomicInteger();
    private final Jdbc jdbc;

    public StatementCounter(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl);
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        jdbc = new Jdbc(counting, Dialect.of(jdbcUrl), null);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** The statements run so far, and starts counting again from zero. */
    public int take() {
        return statements.getAndSet(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
