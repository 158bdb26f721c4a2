package io.akhbar.arabic.entity;

/** The kinds of named entity the extractor finds. */
public enum EntityType {
    PERSON,
    LOCATION,
    ORGANIZATION
}
