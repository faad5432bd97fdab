"""Import of the schools and teachers registries from offices' spreadsheets.

``columns`` names the columns a file may have; ``plan`` reads and checks a file without
writing; ``apply`` writes a clean plan, every row or none; ``template`` builds the XLSX
template with drop-downs.
"""
