package io.parley.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.common.ApiException;

/** One thing wrong with a bundle, at its JSON path (e.g. {@code $.talks[3].participants[0].personId}). */
record Problem(String path, String message) {

    /** The BAD_USER_INPUT refusal listing every problem in {@code extensions.problems}. */
    static ApiException refusal(List<Problem> problems) {
        List<Map<String, Object>> listed = problems.stream().map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", p.path);
            entry.put("message", p.message);
            return entry;
        }).toList();
        return ApiException.invalidDocument("The bundle has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; nothing was imported. First: "
                + problems.get(0).path + ": " + problems.get(0).message, listed);
    }
}
