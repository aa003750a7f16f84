from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP

GREETING = QT_TRANSLATE_NOOP("Tests", "Donor {name} is {age} years old.")


def test_text_renders_its_parameters_in_the_source_language():
    assert GREETING(name="Asha", age=30).render() == "Donor Asha is 30 years old."


def test_a_translate_function_is_applied_before_the_parameters():
    fake = {("Tests", GREETING.source): "दाता {name} की आयु {age} वर्ष है।"}
    text = GREETING(name="Asha", age=30)
    assert text.render(lambda ctx, src: fake.get((ctx, src), src)) == "दाता Asha की आयु 30 वर्ष है।"


def test_a_domain_error_is_a_value_error_with_the_english_message():
    error = InvalidInput(GREETING(name="Ravi", age=17), field="date_of_birth")
    assert isinstance(error, ValueError)
    assert str(error) == "Donor Ravi is 17 years old."
    assert error.field == "date_of_birth"
