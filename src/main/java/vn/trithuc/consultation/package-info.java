/**
 * Consultations — comment, advice, social critique, social assessment — with uptake and explanation
 * (tiếp thu, giải trình), and intellectuals' concerns (tâm tư, nguyện vọng).
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.consultation;
