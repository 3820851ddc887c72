"""The import wizard: a list of persons or organisations read, mapped, previewed and imported."""

from sociolab_desktop.ui.importing.import_wizard import ImportWizard

__all__ = ["ImportWizard"]
