package org.caredesk.people;

/**
 * A line of the people list with the full ID number and first phone, for an export with full numbers only: the
 * one path by which more than one person's numbers leave the program, with the right and a reason, logged.
 */
public record UnmaskedRow(PersonRow row, String idNumber, String phone) {}
