package org.caredesk.settings;

import java.time.LocalDateTime;
import java.util.UUID;

/** The community a data folder belongs to. */
public record Community(UUID id, String name, boolean demo, LocalDateTime createdAt) {}
