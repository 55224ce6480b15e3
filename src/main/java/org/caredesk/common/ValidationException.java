package org.caredesk.common;

import java.util.List;

/** Thrown by a service that refuses input; nothing was written. Carries every problem, not just the first. */
public class ValidationException extends UserException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super("error.validation", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String localized() {
        List<Problem> errors = problems.stream().filter(p -> !p.warning()).toList();
        if (errors.size() == 1) {
            return errors.get(0).localized();
        }
        return super.localized();
    }
}
