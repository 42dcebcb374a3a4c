package jp.renkei.server.intake.mapping;

import java.time.Instant;

/** A saved column mapping with who changed it last and when. */
public record SavedMapping(String name, MappingDefinition definition, Instant updatedAt, String updatedBy) {}
