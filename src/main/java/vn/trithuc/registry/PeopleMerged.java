package vn.trithuc.registry;

/** Two records of one person were merged: {@code merged} now points to {@code survivor}, which holds all history. */
public record PeopleMerged(PersonId survivor, PersonId merged) {
}
