package io.signet.store;

/** Turns one result row into a record. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
