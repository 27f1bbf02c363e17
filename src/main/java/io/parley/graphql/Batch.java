package io.parley.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Aligns batch-loaded results with the parents GraphQL asked about, so a nested field costs
 * one query for the whole page instead of one per parent.
 */
public final class Batch {

    private Batch() {
    }

    /** For a to-one field: each parent's referenced record (or null), loaded in one go. */
    public static <S, T> List<T> one(List<S> parents, Function<S, Long> reference,
            Function<Collection<Long>, Map<Long, T>> loader) {
        Set<Long> keys = new LinkedHashSet<>();
        parents.stream().map(reference).filter(Objects::nonNull).forEach(keys::add);
        Map<Long, T> loaded = keys.isEmpty() ? Map.of() : loader.apply(keys);
        List<T> result = new ArrayList<>(parents.size());
        for (S parent : parents) {
            Long key = reference.apply(parent);
            result.add(key == null ? null : loaded.get(key));
        }
        return result;
    }

    /** For a to-many field: each parent's list (empty when it has none). */
    public static <S, T> List<List<T>> many(List<S> parents, Function<S, Long> key,
            Function<Collection<Long>, Map<Long, List<T>>> loader) {
        Set<Long> keys = new LinkedHashSet<>();
        parents.stream().map(key).forEach(keys::add);
        Map<Long, List<T>> loaded = keys.isEmpty() ? Map.of() : loader.apply(keys);
        List<List<T>> result = new ArrayList<>(parents.size());
        for (S parent : parents) {
            result.add(loaded.getOrDefault(key.apply(parent), List.of()));
        }
        return result;
    }

    /** For a to-many field over references: resolves each parent's keys to records, in order. */
    public static <S, T> List<List<T>> referenced(List<S> parents, Function<S, Long> key,
            Function<Collection<Long>, Map<Long, List<Long>>> references,
            Function<Collection<Long>, Map<Long, T>> loader) {
        List<List<Long>> keysPerParent = many(parents, key, references);
        Set<Long> all = new LinkedHashSet<>();
        keysPerParent.forEach(all::addAll);
        Map<Long, T> loaded = all.isEmpty() ? Map.of() : loader.apply(all);
        List<List<T>> result = new ArrayList<>(parents.size());
        for (List<Long> keys : keysPerParent) {
            result.add(keys.stream().map(loaded::get).filter(Objects::nonNull).toList());
        }
        return result;
    }
}
